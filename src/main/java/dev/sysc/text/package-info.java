/**
 * Text that came from outside sysc (a typed name, a file's contents, a path) made safe to echo:
 * shortened and with control characters escaped. Depends on nothing of sysc, so every package may use it.
 */
package dev.sysc.text;
