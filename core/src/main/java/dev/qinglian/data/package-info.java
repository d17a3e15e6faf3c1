/**
 * The inputs of an evaluation: the unit register ({@code units.csv}) and the source departments'
 * data files (CSV in UTF-8, UTF-8 with BOM or GBK/GB18030, and XLSX; long or wide layout),
 * validated in one pass and merged per unit and month into a columnar {@link
 * dev.qinglian.data.Dataset}.
 */
package dev.qinglian.data;
