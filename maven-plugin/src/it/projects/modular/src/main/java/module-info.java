module com.acme.greeter {
    exports com.acme.greeter;
}
