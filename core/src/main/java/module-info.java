/**
 * qinglian's library: the indicator model, the departments' data, the monthly evaluation, the
 * four-colour classification and its follow-up. Only the API packages are exported; {@code
 * dev.qinglian.internal} and its subpackages (the compiled model, the kernel, the fast readers) are
 * not, and a dataset's columns cannot be reached from outside.
 */
module dev.qinglian.core {
  requires org.yaml.snakeyaml;
  requires de.siegmar.fastcsv;
  requires org.dhatim.fastexcel.reader;
  requires commons.math3;

  exports dev.qinglian;
  exports dev.qinglian.model;
  exports dev.qinglian.data;
  exports dev.qinglian.eval;
  exports dev.qinglian.monitor;
  exports dev.qinglian.method;
  exports dev.qinglian.diag;
  exports dev.qinglian.io;
}
