/**
 * The knowledge base behind {@code sysc explain}: the kernel's entry and exit path as steps, the
 * mitigations that touch it, published costs, topics and hints, all as resource data, plus the pure
 * rules ({@link dev.sysc.explain.Conditions}) that mark each step active or not on a given host.
 * Nothing here prints, measures or touches the machine: it reads a {@link dev.sysc.host.HostInfo}.
 */
package dev.sysc.explain;
