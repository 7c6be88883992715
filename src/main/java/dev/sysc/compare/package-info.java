/**
 * Saved runs compared: reading {@code sysc/result/v1} files, matching their results by name@path,
 * testing each pair for a significant change, and listing the host differences that explain it.
 * Pure logic over records; reading files is the only I/O.
 */
package dev.sysc.compare;
