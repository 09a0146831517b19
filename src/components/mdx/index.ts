import FigureTable from './FigureTable.astro';
import Note from './Note.astro';

/** The components MDX records may use (the allowlist is src/remark/mdx-allowlist.ts). */
export const mdxComponents = { Note, FigureTable };
