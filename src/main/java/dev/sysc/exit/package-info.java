/**
 * How a run ends: the exit codes scripts rely on, and the exception that carries one. A leaf: every
 * other package may use it, it uses none of them.
 */
package dev.sysc.exit;
