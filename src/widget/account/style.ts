/** account.js's own CSS, inside the widget's shadow root (app.css stays small): the account line and its forms. */
export const ACCOUNT_CSS =
  '.acct p{margin:.25em 0}.acct .form,.follow{max-width:28em}.acct label,.follow label{display:block;margin-top:.5em}' +
  '.acct input,.follow input,.follow select{width:100%}.title{font-weight:600}';
