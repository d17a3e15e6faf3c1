/**
 * Problems found in the input, as data: {@link dev.qinglian.diag.Diagnostic} records with a stable
 * code, a location and a localised message, collected in one pass and carried by {@link
 * dev.qinglian.diag.QinglianException} when the work cannot go on.
 */
package dev.qinglian.diag;
