// ES module entry point of @a55/sdk/testing (the CommonJS implementation, one native module).
import testing from './testing.cjs'

export const { startEmulator } = testing
export default testing
