/**
 * Article extraction: from a page's HTML to its title, body paragraphs (nothing else), date,
 * language, canonical URL and image. Structured data first, then a content-scoring pass.
 */
package org.treatywatch.extract;
