package com.acme;

class CharlieTest extends StartsInOrder {}
