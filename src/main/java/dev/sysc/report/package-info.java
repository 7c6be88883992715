/**
 * Renderers: table, JSON, CSV and Markdown text from immutable result records. They return text and
 * print nothing; the catalog is read only for each call's description.
 */
package dev.sysc.report;
