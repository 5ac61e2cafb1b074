/**
 * Functions statically imported into every notebook: {@code display}, {@code render},
 * {@code updateDisplay} (IJava's {@code io.github.spencerpark.ijava.runtime.Display}) and
 * {@code lineMagic}/{@code cellMagic} (IJava's {@code runtime.Magics}).
 */
package org.parrotscope.kernel.runtime;
