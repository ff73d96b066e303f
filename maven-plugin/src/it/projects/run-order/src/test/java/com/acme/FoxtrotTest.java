package com.acme;

class FoxtrotTest extends StartsInOrder {}
