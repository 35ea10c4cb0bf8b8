/**
 * The reader's own reaction per comment (`parley:reactions` in the host page's localStorage, `{ [commentId]: key }`),
 * so pressed buttons show; written only when the reader reacts. Blocked storage: kept in memory for the page.
 */
let memory: Record<string, string> = {};

const read = (): Record<string, string> => {
  try {
    return JSON.parse(localStorage['parley:reactions'] || '{}');
  } catch {
    return memory;
  }
};

export const ownReaction = (id: string): string | null => read()[id] || null;

export function saveReaction(id: string, key: string | null): void {
  const all = read();
  if (key) all[id] = key;
  else delete all[id];
  memory = all;
  try {
    localStorage['parley:reactions'] = JSON.stringify(all);
  } catch {
    /* storage blocked or full: memory keeps it for this page */
  }
}
