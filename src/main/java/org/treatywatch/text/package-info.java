/**
 * Hebrew and Arabic text handling for matching: normalization, clitic-aware tokens, sentences,
 * language guess, mojibake repair and bidi isolation. Pure functions, no I/O, no other package of ours.
 */
package org.treatywatch.text;
