/**
 * Shared helpers used by every stage: atomic file output, JSON, progress reporting.
 */
package org.parrotscope.util;
