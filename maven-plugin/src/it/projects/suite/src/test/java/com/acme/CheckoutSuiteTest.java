package com.acme;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The suite: Surefire's includes pick it, not its members (their names end in Check). */
@Suite
@SuiteDisplayName("Checkout")
@SelectClasses({CartCheck.class, PaymentCheck.class})
class CheckoutSuiteTest {}
