package com.acme;

class AlphaTest extends StartsInOrder {}
