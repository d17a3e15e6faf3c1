/**
 * The front door: {@link dev.qinglian.Workspace} opens a county's workspace folder (model, unit
 * register, departments' files), checks it and evaluates it month by month.
 */
package dev.qinglian;
