/**
 * What is measured: the catalog of calls (resource data) and the small probe classes that set up and
 * invoke each one through the bindings of {@code dev.sysc.os}. Probes never time anything.
 */
package dev.sysc.probe;
