/**
 * Decides whether an article is about the Russia–Iran treaty and says why. Pure: the lexicon comes
 * from feeds.yaml through config, the text through {@link org.treatywatch.text}.
 */
package org.treatywatch.detect;
