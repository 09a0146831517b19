/**
 * The archive's data model, shared by the site (src/content.config.ts) and the
 * importer (scripts/import). One schema per concept; see each module.
 */
export * from './common.ts';
export * from './publication.ts';
export * from './session.ts';
export * from './provenance.ts';
export * from './proposal.ts';
export * from './record.ts';
export * from './archive.ts';
