package com.acme;

class DeltaTest extends StartsInOrder {}
