package com.acme;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Runs the features under com/acme with the steps in com.acme, as Cucumber's own Maven example does. */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("com.acme")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "com.acme")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary")
class RunCucumberTest {}
