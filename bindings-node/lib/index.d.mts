// Types of @a55/sdk (ES module entry): the same declarations as the CommonJS entry.
export * from './index.cjs'
import * as sdk from './index.cjs'
export default sdk
