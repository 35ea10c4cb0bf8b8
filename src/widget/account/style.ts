/** account.js's own CSS, inside the widget's shadow root (app.css stays small): the account line and its forms. */
export const ACCOUNT_CSS =
  '.acct p{margin:.25em 0}.acct .form,.follow{max-width:28em}.acct label,.follow label{display:block;margin-top:.5em}' +
  '.acct input,.follow input,.follow select{width:100%}.title{font-weight:600}';

/** The delete confirmation's CSS (own.tsx), with it in the widget's shadow root; its box is app.css's `.preview`. */
export const CONFIRM_CSS =
  '.confirm{display:flex;flex-wrap:wrap;align-items:center;gap:.4em;margin:.4em 0;border:1px solid var(--err)}' +
  '.danger{background:var(--err);border-color:var(--err);color:var(--field)}';
