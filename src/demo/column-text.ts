import type { ColumnBlock, DemoColumn } from './column.js';

function blockText(block: ColumnBlock): string {
  switch (block.type) {
    case 'p':
    case 'h2':
      return block.text;
    case 'quote':
      return `\n${block.paragraphs.join('\n')}\n— ${block.cite}\n`;
  }
}

/**
 * The text of a column's `.column-body` exactly as a browser's DOM holds it (the white space between the
 * rendered elements included): the article text the widget anchors passage comments in, and so the text the
 * demo gives Parley as the publisher's revision. Must follow render-column.ts; test/demo checks it in Chromium.
 */
export function columnText(column: DemoColumn): string {
  return `\n${column.body.map(blockText).join('\n')}\n`;
}
