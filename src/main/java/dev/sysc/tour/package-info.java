/** The workshop tour: its steps as resource data, and the pure filling-in of this machine's numbers. */
package dev.sysc.tour;
