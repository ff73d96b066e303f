package dev.isolane.junit.detect;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** A suite is not a class to watch as a whole: the classes it runs are, one by one. */
@Suite
@SelectClasses({LocaleRestoringFixture.class, PropertyLeakFixture.class})
class LeakySuiteFixture {}
