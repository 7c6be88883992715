/**
 * Thin picocli commands: parse options into a spec, call the engine, hand the result to a renderer,
 * write the text. Only this package (and the shell) imports picocli.
 */
package dev.sysc.cli;
