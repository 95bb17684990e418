package probe;

/** Something to package: the image build needs an application, not what it does. */
public class Probe {}
