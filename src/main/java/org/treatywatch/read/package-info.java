/**
 * One reading of each sentence: the topic's words (Lexicon), the gazetteer's people, places, bodies
 * and stage verbs, dates, and the event frames built from them. Detection, the event card, stories and
 * search ask this reading instead of re-scanning the text. Pure: no I/O besides its own resources.
 */
package org.treatywatch.read;
