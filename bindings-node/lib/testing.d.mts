// Types of @a55/sdk/testing (ES module entry).
export * from './testing.cjs'
