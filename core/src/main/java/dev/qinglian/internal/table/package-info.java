/**
 * Reading tables as they arrive: CSV (encoding detected or forced) through FastCSV and XLSX through
 * fastexcel-reader, row by row, with the line (or cell) of every value; plus the parsing of numbers
 * and periods as departments write them.
 */
package dev.qinglian.internal.table;
