/** Which subscriptions an item satisfies: the whole treaty topic, or a chat's keyword filter. */
package org.treatywatch.match;
