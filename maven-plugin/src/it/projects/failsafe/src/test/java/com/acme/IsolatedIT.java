package com.acme;

import dev.isolane.junit.IsolatedProcess;

/** Would start an embedded server on a fixed port, say: it gets a JVM of its own. */
@IsolatedProcess
class IsolatedIT extends Adds {}
