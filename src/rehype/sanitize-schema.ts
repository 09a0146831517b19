import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';

/**
 * What a Markdown record may contain once rendered: GitHub's safe subset, keeping the
 * anchors remark-numbered-sections writes (sec-1 …) as they are, and the link titles
 * remark-archive-links adds. Scripts, event handlers, javascript: and data: URLs, SVG
 * and embedded frames are dropped whatever a record contains.
 */
export const recordSanitizeSchema: Options = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: ['name'],
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'],
    a: [...(defaultSchema.attributes?.a ?? []), 'title'],
  },
};
