import { resolve } from 'node:path';

/** Where the scale test's archive and site are built (SCALE_DIR, default .tmp/scale). */
export const scaleDir = resolve(import.meta.dirname, '../..', process.env.SCALE_DIR ?? '.tmp/scale');
