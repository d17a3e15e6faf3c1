/** The deterministic generator of the demo county (示例县) workspace shipped in examples/. */
package dev.qinglian.cli.demo;
