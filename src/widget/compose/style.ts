/** compose.js's own CSS, which the app puts in the widget's shadow root once it is loaded: toolbar and help. */
export const COMPOSE_CSS =
  // The toolbar and its row are app.css's `.actions` (a wrapping flex row).
  '[role=toolbar] button{padding:0 .5em;min-width:2em}.bold{font-weight:700}.italic{font-style:italic}' +
  '.help{flex-basis:100%;font-size:.9em}.help ul{margin:.25em 0;padding-left:1.2em}';
