/**
 * Optional machine translation of an alert's title and summary into the reader's language, through
 * a self-hosted LibreTranslate-compatible server; every failure falls back to the untranslated alert.
 */
package org.treatywatch.translate;
