package org.treatywatch.translate;

/** An alert's title and summary machine-translated into one language. */
public record Translation(String title, String summary) {}
