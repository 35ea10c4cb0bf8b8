import { useRef, useState } from 'preact/hooks';
import type { VoteValue } from '../../core/vote/vote.js';
import type { PublicComment } from './api.js';
import { ownVote, saveVote, voterKey } from './local-store.js';
import { fmt } from './messages.js';
import type { Widget } from './widget.js';

/** Up and down buttons with the score. Pressing the pressed button again takes the vote back. */
export function Votes({ w, comment, about }: { w: Widget; comment: PublicComment; about?: Record<string, string> }) {
  const { t } = w;
  const [mine, setMine] = useState(() => ownVote(comment.id));
  const busy = useRef(false);

  const vote = async (value: VoteValue) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const res = await w.api.vote(comment.id, mine === value ? 0 : value, voterKey());
      setMine(res.value);
      saveVote(comment.id, res.value);
      w.changed({ ...comment, score: res.score, upvotes: res.upvotes, downvotes: res.downvotes });
    } catch (err) {
      w.announce(await w.fail(err), comment.id);
    }
    busy.current = false;
  };
  const n = (x: number) => x.toLocaleString(t.locale);
  const button = (value: VoteValue, label: string, glyph: string) => (
    <button type="button" aria-label={label} {...about} aria-pressed={mine === value} onClick={() => vote(value)}>
      {glyph}
    </button>
  );

  return (
    <span>
      {button(1, t.upvote, '▲')}
      <span class="score" title={fmt(t.votes, { up: n(comment.upvotes), down: n(comment.downvotes) })}>
        {n(comment.score)}
      </span>
      {button(-1, t.downvote, '▼')}
    </span>
  );
}
