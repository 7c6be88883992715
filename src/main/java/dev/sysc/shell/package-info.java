/**
 * The interactive shell: jline3 line editing, completion, history, over the same picocli command tree
 * the command line uses (picocli-shell-jline3's completer); no second set of commands.
 */
package dev.sysc.shell;
