/**
 * passages.js, inline feedback, loaded by app.js when the embed tag's `data-content` names an article container
 * that exists (interface: ../shared/passages.ts). In the article it:
 * - offers "Comment on this passage" next to a reader's selection (mouse, touch or keyboard; also Alt+Shift+C,
 *   and Tab right after the selection), inside the viewport, above or below the selected lines (never over them),
 *   and "Answer: …" on elements with `data-parley-question`;
 * - anchors every passage comment in the live text: at its stored position when the text there is unchanged
 *   (anchor.ts), else with the anchoring engine, anchoring.js, loaded only then (in slices of a few ms so the page
 *   stays responsive); highlights the passages (`<mark class="parley-passage">`) and puts a marker with the comment
 *   count in the margin of each paragraph that has some;
 * - opens a panel below a paragraph with its passage threads and the form for a new one.
 * In the widget it adds the tabs and the quotes above passage comments (ui.tsx). Its elements in the article take the
 * `--parley-*` custom properties the widget's target element has (`theme()`), so one theme drives both.
 */
import type { AnchorResult } from '../../core/anchoring/selector.js';
import type { PublicComment } from '../app/api.js';
import { enPassages } from '../app/messages.js';
import type { Widget } from '../app/widget.js';
import type { AnchoringWindow, Engine } from '../shared/anchoring.js';
import type { Kit, Passages, PassagesWindow } from '../shared/passages.js';
import { atPosition } from './anchor.js';
// app.js's own helpers, through the kit: no copies here.
import { addComments, buildTree, fmt, kit, plural, removeComment, replaceComment, setKit } from '../shared/kit.js';
import { BUTTON_CSS, HOST_CSS, THEME_VARS } from './style.js';
import { articleText, pointAt, spanOf, type Article } from './text.js';
import { Panel, Quote, Tabs, type PanelView, type State } from './ui.js';

const UI = 'data-parley-ui';
/** Elements a paragraph marker and panel attach to (the closest one around a passage's start). */
const BLOCK = 'p,li,blockquote,h1,h2,h3,h4,h5,h6,pre,dd,dt,figcaption,td,th,div,section,article,aside';
/** Blocks whose panel goes inside, after their content, rather than after them (lists, tables). */
const INSIDE = /^(LI|DD|DT|TD|TH)$/;
/** Sort key of an orphaned passage: after every anchored one. */
const ORPHAN_AT = 9e15;
/** Anchoring yields to the browser after this many milliseconds of work. */
const SLICE_MS = 8;
/** Space kept between "Comment on this passage" and the viewport's edges, in px. */
const EDGE = 8;

/**
 * A button of Parley's in the article, in its own shadow root on an empty `<span data-parley-ui>`. (Identical
 * `<style>` texts share one parsed sheet in browsers; adoptedStyleSheets would need Safari 16.4.)
 */
function control(cls: string, text: string, label: string | null, act: () => void): [HTMLElement, HTMLButtonElement] {
  const host = document.createElement('span');
  host.setAttribute(UI, '');
  host.className = cls;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  if (label) button.setAttribute('aria-label', label);
  button.onclick = act;
  host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('style'), { textContent: BUTTON_CSS }), button);
  return [host, button];
}

/**
 * anchoring.js, loaded when first needed, once (unless it fails to load: then again next time). It answers
 * undefined when it could not be loaded.
 */
let loading: Promise<Engine | undefined> | undefined;

const loadEngine = (base: string): Promise<Engine | undefined> =>
  (loading ||= new Promise((ok) => {
    const script = document.createElement('script');
    script.src = `${base}widget/anchoring.js`;
    // Not loaded: undefined, and the next call tries again.
    script.onload = script.onerror = () => ok((window as AnchoringWindow).__parleyAnchoring || (loading = undefined));
    document.head.append(script);
  }));

const short = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 79)}…` : quote);

function attach(k: Kit, root: Element, refresh: () => void): Passages {
  setKit(k);
  /** The app's widget, as of its last render. */
  let w: Widget;
  /** Where each top-level passage comment is in the live text (status and start), by id. */
  let anchors: Record<string, { s: AnchorResult['status']; at: number }> = {};
  const st: State = {
    s: enPassages,
    list: null,
    threads: () => buildTree(st.list || []).sort((a, b) => at(a.item.id) - at(b.item.id)),
  };
  const s = () => st.s;
  /** Sort key of a top-level comment: where its passage starts (0 until anchored, after every one when orphaned). */
  const at = (id: string) => (anchors[id] || { at: 0 }).at;

  /** Anchoring results by comment id, valid for `text`. */
  const found = new Map<string, AnchorResult>();
  let text = '';
  /** Counts anchoring runs: an older run stops when a newer one starts. */
  let run = 0;
  /** What the article shows (spans and counts), to repaint only on change. */
  let painted = '';
  /** Paragraphs with anchored passages: their top-level comment ids in article order, and their marker. */
  let blocks = new Map<Element, string[]>();
  let markers = new Map<Element, HTMLButtonElement>();
  interface Open {
    block: Element;
    host: HTMLElement;
    box: HTMLElement;
    view: PanelView;
    /** Its stylesheet has loaded: content may render. */
    ready?: boolean;
  }
  let panel: Open | null = null;

  const blockOf = (n: Node): Element => {
    const b = (n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest(BLOCK);
    return b && b !== root && root.contains(b) ? b : root;
  };

  // ---- The list of passage comments -------------------------------------------------------------------------

  function update(list: PublicComment[]): void {
    st.list = list;
    refresh();
    draw();
    anchor();
  }

  function start(): void {
    st.s = w.t.passages || enPassages; // German etc.: carried by the language's catalogue (shared/i18n.ts)
    if (!document.getElementById('parley-passages-css')) {
      document.head.append(Object.assign(document.createElement('style'), { id: 'parley-passages-css', textContent: HOST_CSS }));
    }
    theme();
    listen();
    const { cfg, api } = w;
    api.call<{ comments: PublicComment[] }>('GET', `passages?${new URLSearchParams({ site: cfg.site, url: cfg.url })}`).then((r) => update(r.comments), () => update([]));
  }

  /** The theme rule last written (custom properties of the widget's target element). */
  let vars = '';

  /**
   * Gives Parley's elements in the article (panels, markers, controls, highlights) the `--parley-*` values the
   * widget's target element has, set there or inherited: they are outside its shadow root, so they would not inherit
   * them. `:where()` (no specificity) lets the page's own rules for these elements win. Called whenever they are
   * drawn (a panel, the control, the highlights), so a theme the page changes since (e.g. its dark scheme) follows.
   */
  function theme(): void {
    const target = document.querySelector(w.cfg.target);
    if (!target) return;
    const cs = getComputedStyle(target);
    let css = '';
    for (const n of THEME_VARS) {
      const v = cs.getPropertyValue(`--parley-${n}`).trim();
      if (v) css += `--parley-${n}:${v};`;
    }
    if (css === vars) return;
    vars = css;
    document.getElementById('parley-passages-css')!.textContent = `${HOST_CSS}:where([${UI}],mark.parley-passage){${css}}`;
  }

  // ---- Anchoring and painting -------------------------------------------------------------------------------

  async function anchor(): Promise<void> {
    const mine = ++run;
    const started = performance.now();
    const now = articleText(root).text;
    if (now !== text) {
      found.clear();
      text = now;
    }
    /** anchoring.js, once a passage needs it (undefined if it failed to load: then those stay unplaced until the next run). */
    let engine: Engine | undefined | null = null;
    let t0 = performance.now();
    for (const c of st.list!) {
      const p = c.passage;
      if (!p || c.parentId || found.has(c.id)) continue;
      // The server's verdict against the publisher's text first; then the live text decides: the passage is
      // where it was stored (the server's status then says whether it moved or was edited), or the engine finds it.
      const sel = p.current || p;
      const status = p.status;
      if (status === 'orphaned') found.set(c.id, { status, reason: 'passage-deleted' });
      else if (atPosition(text, sel)) found.set(c.id, { ...sel.position, status: status === 'moved' || status === 'fuzzy' ? status : 'exact' });
      else {
        if (engine === null) {
          engine = await loadEngine(w.cfg.base);
          if (mine !== run) return;
          t0 = performance.now();
        }
        if (engine) found.set(c.id, engine.anchorSelector(text, sel));
      }
      if (performance.now() - t0 > SLICE_MS) {
        await new Promise((r) => setTimeout(r));
        if (mine !== run) return;
        t0 = performance.now();
      }
    }
    anchors = {};
    for (const [id, r] of found) anchors[id] = { s: r.status, at: r.status === 'orphaned' ? ORPHAN_AT : r.start };
    refresh();
    paint();
    try {
      performance.measure('parley:anchoring', { start: started }); // anchoring and painting, yields included
    } catch {
      /* User Timing 3 missing (old Safari) */
    }
  }

  /** Wraps `[from, to)` of the text in highlights, one `<mark>` per text node piece. */
  function wrap(a: Article, from: number, to: number, ids: string): void {
    for (let k = a.nodes.indexOf(pointAt(a, from)[0]); k < a.nodes.length && a.at[k]! < to; k++) {
      let t = a.nodes[k]!;
      const x = Math.max(from - a.at[k]!, 0);
      const y = Math.min(to - a.at[k]!, t.length);
      if (x >= y) continue;
      if (y < t.length) t.splitText(y);
      if (x) t = t.splitText(x);
      if (/^\s*\n\s*$/.test(t.data)) continue; // white space between blocks: a <mark> could land in a <ul> or <table>
      const m = document.createElement('mark');
      m.className = 'parley-passage';
      m.dataset.parleyIds = ids;
      t.replaceWith(m);
      m.append(t);
    }
  }

  function paint(): void {
    const list = st.list!;
    const count: Record<string, number> = {};
    const top: Record<string, string> = {};
    for (const c of list) {
      const r = c.parentId ? top[c.parentId] : c.id;
      if (!r) continue;
      top[c.id] = r;
      if (c.status !== 'deleted') count[r] = (count[r] || 0) + 1;
    }
    const spans: { id: string; s: number; e: number; q: string }[] = [];
    for (const c of list) {
      const r = found.get(c.id);
      if (r && r.status !== 'orphaned' && !c.parentId) spans.push({ id: c.id, s: r.start, e: r.end, q: c.passage!.quote.exact });
    }
    spans.sort((x, y) => x.s - y.s);
    const sig = JSON.stringify([text.length, spans.map((x) => [x.id, x.s, x.e, count[x.id]])]);
    theme();
    if (sig === painted) return;
    painted = sig;

    markers.forEach((m) => (m.getRootNode() as ShadowRoot).host.remove());
    root.querySelectorAll('mark.parley-passage').forEach((m) => {
      const parent = m.parentNode!;
      m.replaceWith(...m.childNodes);
      parent.normalize();
    });
    const a = articleText(root);
    blocks = new Map();
    for (const x of spans) {
      const b = blockOf(pointAt(a, x.s)[0]);
      blocks.set(b, [...(blocks.get(b) || []), x.id]);
    }
    // From the end, so that splitting text nodes leaves the offsets of earlier pieces valid.
    const points = [...new Set(spans.flatMap((x) => [x.s, x.e]))].sort((x, y) => x - y);
    for (let i = points.length - 1; i > 0; i--) {
      const ids = spans.filter((x) => x.s <= points[i - 1]! && x.e >= points[i]!).map((x) => x.id);
      if (ids.length) wrap(a, points[i - 1]!, points[i]!, ids.join(' '));
    }
    markers = new Map();
    blocks.forEach((ids, b) => {
      const n = ids.reduce((sum, id) => sum + (count[id] || 0), 0);
      const quotes = ids.map((id) => `“${short(spans.find((x) => x.id === id)!.q)}”`).join(', ');
      const [host, button] = control('parley-m', String(n), fmt(plural(s().marker, n), { quotes }), () =>
        panel?.block === b ? close(true) : show(b, { ids: blocks.get(b) || [] }),
      );
      button.setAttribute('aria-expanded', String(panel?.block === b));
      b.prepend(host);
      markers.set(b, button);
    });
    // An open panel follows its paragraph's passages.
    if (panel && !panel.view.draft) {
      const ids = blocks.get(panel.block);
      if (!ids) close();
      else if (ids.join() !== panel.view.ids.join()) show(panel.block, { ids });
    }
  }

  /** Scrolls to and focuses a comment's passage in the article. */
  function reveal(id: string): void {
    const marks = [...root.querySelectorAll<HTMLElement>('mark.parley-passage')].filter((m) => m.dataset.parleyIds!.split(' ').includes(id));
    const first = marks[0];
    if (!first) return;
    root.querySelectorAll('.parley-on').forEach((m) => m.classList.remove('parley-on'));
    marks.forEach((m) => m.classList.add('parley-on'));
    first.tabIndex = -1;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center' });
    first.onblur = () => marks.forEach((m) => m.classList.remove('parley-on'));
  }

  // ---- Panels below a paragraph -----------------------------------------------------------------------------

  /** Renders the open panel (again), with the app's latest widget. */
  function draw(): void {
    const p = panel;
    if (!p?.ready) return;
    const focus = (id: string) => {
      p.view = { ...p.view, focus: id };
      draw();
    };
    // Inside the panel, a posted comment gets focus there, not in the widget.
    const pw: Widget = { ...w, reveal: focus, posted: (c) => (w.posted(c, true), focus(c.id)) };
    kit.render(
      kit.jsx(Panel, {
        w: pw,
        st,
        view: p.view,
        close: () => close(true),
        done(res) {
          const draft = p.view.draft;
          if (!res || !draft) return;
          p.view = { ids: [...p.view.ids, res.comment.id], focus: res.comment.id };
          draw();
          // The server keeps the text the passage was selected in, to follow it through the publisher's edits.
          if (!res.textKnown) w.api.call('POST', 'pages/hint', { site: w.cfg.site, url: w.cfg.url, text: draft.text }).catch(() => {});
        },
      }),
      p.box,
    );
  }

  function show(b: Element, view: PanelView): void {
    theme();
    if (panel?.block === b) {
      panel.view = view;
      draw();
    } else {
      close();
      const host = document.createElement('div');
      host.setAttribute(UI, '');
      host.className = 'parley-panel';
      if (INSIDE.test(b.tagName)) b.append(host);
      else b.after(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${w.cfg.base}widget/app.css` });
      const box = document.createElement('div');
      shadow.append(link, box);
      const p: Open = (panel = { block: b, host, box, view });
      // Render once styled (app.css is cached by then), as the main widget does.
      link.onload = link.onerror = () => {
        p.ready = true;
        if (panel === p) draw();
      };
    }
    markers.get(b)?.setAttribute('aria-expanded', 'true');
  }

  function close(refocus = false): void {
    if (!panel) return;
    const { block, host, box } = panel;
    panel = null;
    kit.render(null, box);
    host.remove();
    const marker = markers.get(block);
    marker?.setAttribute('aria-expanded', 'false');
    if (refocus) marker?.focus();
  }

  /**
   * Opens the form for a new passage comment on `[start, end)`. The selector and the text's hash come from
   * anchoring.js (`describeRange`, `textHash`), loaded then (once): a reader who only reads never needs them.
   */
  async function compose(start: number, end: number, a: Article, question?: string): Promise<void> {
    hide();
    getSelection()?.removeAllRanges(); // the panel shows the quote; a live selection would bring the control back
    const b = blockOf(pointAt(a, start)[0]);
    const engine = await loadEngine(w.cfg.base);
    if (!engine) return w.announce(await w.fail({ code: 'NETWORK' }));
    const selector = engine.describeRange(a.text, start, end);
    show(b, { draft: { passage: { selector, textHash: engine.textHash(a.text), question }, exact: selector.quote.exact, question, text: a.text }, ids: blocks.get(b) || [] });
    w.announce(fmt(s().commenting, { quote: short(selector.quote.exact) }));
  }

  // ---- The reader's selection -------------------------------------------------------------------------------

  let ctl: HTMLElement | null = null;
  let ctlButton: HTMLButtonElement | undefined;
  /** What is placed in the control's shadow root: the button and, for touch, the hint. */
  let ctlBox: HTMLElement | undefined;
  /** The selection the control is for (a copy: it stays while focus moves to the control). */
  let span: Range | undefined;
  let chosen: [number, number, Article] | null = null;
  /** Tab was already redirected to the control for this selection. */
  let offered = false;
  let mouseDown = false;
  /** The reader was told how to comment: with keys (in the live region), by touch (next to the control). */
  let told = false;
  let toldTouch = false;
  /** The last interaction was a touch (or pen): undefined until one, then false after a mouse or a key. */
  let touched: boolean | undefined;
  /** The control is for a touch selection (more room below for the selection handles). */
  let byTouch = false;
  let timer = 0;

  /** The selection in the article, trimmed, when there is one. */
  function selected(): [number, number, Article] | null {
    const sel = getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (!r.intersectsNode(root)) return null;
    const a = articleText(root);
    const [start, end] = spanOf(a, r);
    return start < end ? [start, end, a] : null;
  }

  function hide(): void {
    ctl?.remove();
    ctl = chosen = null;
    span = undefined;
  }

  function track(): void {
    if (mouseDown || (ctl && document.activeElement === ctl)) return; // focusing the control may drop the selection
    const v = selected();
    if (v && chosen && v[0] === chosen[0] && v[1] === chosen[1]) return; // unchanged (inserting the control fires selectionchange)
    hide();
    if (!v) return;
    theme();
    const [host, button] = control('parley-ctl', s().comment, null, () => chosen && compose(...chosen));
    const box = document.createElement('div');
    box.append(button);
    host.shadowRoot!.append(box);
    button.onmousedown = (e) => e.preventDefault(); // keep the selection
    button.onkeydown = (e) => {
      if (e.key === 'Escape') hide(); // (an on* handler returning false would cancel Enter)
    };
    button.onblur = () => setTimeout(track);
    // Right after the selection's last character (after a link it ends in, so that a click does not follow it).
    const [node, offset] = pointAt(v[2], v[1], true);
    const link = node.parentElement?.closest('a,button,label,summary');
    if (link && root.contains(link)) link.after(host);
    else {
      const r = document.createRange();
      r.setStart(node, offset);
      r.insertNode(host);
    }
    ctl = host;
    ctlButton = button;
    ctlBox = box;
    span = getSelection()!.getRangeAt(0).cloneRange();
    chosen = v;
    offered = false;
    byTouch = touched ?? matchMedia('(pointer: coarse)').matches;
    if (byTouch) {
      // Touch readers have no Tab key: the hint goes next to the button (and is its description), not in the
      // widget's status line far below.
      if (!toldTouch) {
        toldTouch = true;
        const hint = Object.assign(document.createElement('p'), { id: 'hint', textContent: s().selectedTouch });
        hint.setAttribute('role', 'status');
        button.setAttribute('aria-describedby', 'hint');
        box.append(hint);
      }
    } else if (!told) {
      told = true;
      w.announce(s().selected);
    }
    place();
  }

  /**
   * Puts the control inside the viewport, by the selection's end, below its last line (above its first one when
   * there is more room there), so that it covers none of the selected text. The control is absolutely positioned
   * from where it sits in the text: measured at 0, then moved by the difference.
   */
  function place(): void {
    if (!span) return; // no control
    const end = ctl!.getBoundingClientRect();
    const rects = [...span.getClientRects()].filter((r) => r.height);
    if (!rects.length) rects.push(end);
    const box = ctlBox!.style;
    box.left = box.top = '0';
    const o = ctlBox!.getBoundingClientRect();
    const { clientWidth: vw, clientHeight: vh } = document.documentElement;
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const gap = byTouch ? 28 : 6; // room for a touch selection's handles
    const below = bottom + gap + o.height <= vh || vh - bottom > top;
    box.flexDirection = below ? '' : 'column-reverse'; // the button nearest to the selection, its hint beyond
    const x = Math.max(EDGE, Math.min((below ? end.left : rects[0]!.left) - 16, vw - o.width - EDGE));
    box.left = `${x - o.left}px`;
    box.top = `${(below ? bottom + gap : top - gap - o.height) - o.top}px`;
  }

  function listen(): void {
    document.addEventListener('selectionchange', () => {
      clearTimeout(timer);
      timer = setTimeout(track, 150) as unknown as number;
    });
    document.addEventListener('mousedown', (e) => {
      mouseDown = e.target !== ctl;
    });
    document.addEventListener('pointerdown', (e) => {
      touched = e.pointerType === 'touch' || e.pointerType === 'pen';
    });
    addEventListener('resize', place);
    document.addEventListener('mouseup', () => {
      mouseDown = false;
      setTimeout(track);
    });
    document.addEventListener('keydown', (e) => {
      touched = false;
      if (e.altKey && e.shiftKey && e.code === 'KeyC' && !e.ctrlKey && !e.metaKey) {
        const v = selected();
        if (v) {
          e.preventDefault();
          compose(...v);
        }
      } else if (e.key === 'Tab' && !e.shiftKey && ctl && !offered) {
        // The control comes right after the selection in the DOM; make sure Tab reaches it first (once for each
        // selection), unless the reader is typing or in a panel.
        let f = document.activeElement;
        if (f?.closest('.parley-panel')) return;
        while (f?.shadowRoot?.activeElement) f = f.shadowRoot.activeElement;
        if (f && ((f as HTMLElement).isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(f.tagName))) return;
        offered = true;
        e.preventDefault();
        ctlButton!.focus();
      }
    });

    // A click on a highlight opens its paragraph's panel at that passage.
    root.addEventListener('click', (e) => {
      const m = (e.target as Element).closest?.<HTMLElement>('mark.parley-passage');
      if (!m || !getSelection()?.isCollapsed) return;
      const b = blockOf(m);
      show(b, { ids: blocks.get(b) || [], focus: m.dataset.parleyIds!.split(' ')[0] });
    });

    // Feedback points placed by the editor.
    root.querySelectorAll<HTMLElement>('[data-parley-question]').forEach((el) => {
      const q = el.dataset.parleyQuestion!.trim().slice(0, 300);
      if (!q) return;
      el.append(
        control('parley-q', fmt(s().answer, { q }), null, () => {
          const a = articleText(root);
          const r = document.createRange();
          r.selectNodeContents(el);
          const [start, end] = spanOf(a, r);
          if (start < end) compose(start, end, a, q);
        })[0],
      );
    });
  }

  return {
    tabs(latest, all) {
      const first = !w;
      w = latest;
      if (first) start();
      return kit.jsx(Tabs, { w, all, st });
    },
    quote(c) {
      const p = c.passage;
      if (!p) return null;
      const where = anchors[c.id]?.s;
      const gone = p.status === 'orphaned' || where === 'orphaned';
      return kit.jsx(Quote, {
        exact: p.quote.exact,
        question: p.question,
        show: where && !gone ? () => reveal(c.id) : undefined,
        note: gone ? s().passageChanged : (p.status === 'fuzzy' || where === 'fuzzy') && s().passageEdited,
      });
    },
    add(c) {
      const list = st.list;
      if (list?.some((x) => x.id === c.id)) update(replaceComment(list, c));
      else if (list && (c.passage || list.some((x) => x.id === c.parentId))) update(addComments(list, [c]));
    },
    remove(id, placeholder) {
      const list = st.list;
      if (list?.some((x) => x.id === id)) update(placeholder ? replaceComment(list, placeholder) : removeComment(list, id));
    },
  };
}

(window as PassagesWindow).__parleyPassages = attach;
