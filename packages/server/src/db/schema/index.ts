export * from './audit.js';
export * from './matters.js';
export * from './org.js';
export * from './resident.js';
export * from './staff.js';
