// Fupin's client: one namespace per service, each the API classes and models generated from its contract, with its
// own Configuration (basePath: the gateway; accessToken: the user's or the machine client's token).
export * as household from './household/index.js';
export * as monitoring from './monitoring/index.js';
export * as review from './review/index.js';
export * as reporting from './reporting/index.js';
export * from './codebook.js';
export * from './areas.js';
export * from './auth.js';
export * from './problem.js';
export * from './retry.js';
