/**
 * Month by month: series of evaluations ({@link dev.qinglian.monitor.Timeline}), colour
 * transitions, explanations of a unit's score ({@link dev.qinglian.monitor.Explanation}) with the
 * attribution of its change to the indicators, and the register of warnings ({@link
 * dev.qinglian.monitor.WarningRegister}) kept until a unit is green again (复绿).
 */
package dev.qinglian.monitor;
