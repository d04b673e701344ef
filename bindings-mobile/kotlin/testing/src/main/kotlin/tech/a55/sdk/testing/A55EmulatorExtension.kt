package tech.a55.sdk.testing

import org.junit.jupiter.api.extension.AfterAllCallback
import org.junit.jupiter.api.extension.BeforeAllCallback
import org.junit.jupiter.api.extension.ExtensionContext
import org.junit.jupiter.api.extension.ParameterContext
import org.junit.jupiter.api.extension.ParameterResolver

/**
 * A JUnit 5 extension that starts one [A55Emulator] for a test class and stops it after the class:
 *
 * ```kotlin
 * @ExtendWith(A55EmulatorExtension::class)
 * class CheckoutTest {
 *     @Test
 *     fun pays(emulator: A55Emulator) = runBlocking {
 *         val client = emulator.client()
 *         …
 *     }
 * }
 * ```
 *
 * Or, with options, as a field: `@JvmField @RegisterExtension val emulator =
 * A55EmulatorExtension(mapOf("faults" to "503=0.5"))`, then `emulator.emulator`. Test methods and
 * constructors may take an [A55Emulator] parameter either way.
 */
class A55EmulatorExtension @JvmOverloads constructor(
    private val options: Map<String, Any?> = emptyMap(),
) : BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private var started: A55Emulator? = null

    /** The running emulator (after the class's `BeforeAll`). */
    val emulator: A55Emulator
        get() = started ?: throw IllegalStateException("the A55 emulator starts before the test class runs")

    override fun beforeAll(context: ExtensionContext) {
        if (started == null) started = A55Emulator.start(options)
    }

    override fun afterAll(context: ExtensionContext) {
        started?.close()
        started = null
    }

    override fun supportsParameter(parameterContext: ParameterContext, extensionContext: ExtensionContext): Boolean =
        parameterContext.parameter.type == A55Emulator::class.java

    override fun resolveParameter(parameterContext: ParameterContext, extensionContext: ExtensionContext): Any {
        if (started == null) started = A55Emulator.start(options)
        return emulator
    }
}
