package com.boothdesk.sdk.link;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Makes an instance of the vendor's callback type ({@code sdk.InterfacePark}) that forwards {@code receive(String)}
 * to a {@link Consumer}. The vendor's type is an abstract class, which {@link Proxy} cannot implement, so a
 * minimal subclass is assembled as class-file bytes (a constructor and one forwarding method, no branches) and
 * defined in a loader below the vendor's. If the type is an interface, a Proxy is used instead.
 */
final class VendorCallbackBridge {

    private static final String BRIDGE = "boothdesk/vendorbridge/ReceiveBridge";

    private VendorCallbackBridge() {
    }

    static Object create(Class<?> callbackType, String methodName, Consumer<String> sink) throws ReflectiveOperationException {
        if (callbackType.isInterface()) {
            return Proxy.newProxyInstance(callbackType.getClassLoader(), new Class<?>[] {callbackType},
                    (proxy, method, args) -> {
                        if (method.getName().equals(methodName) && args != null && args.length == 1) {
                            sink.accept((String) args[0]);
                            return null;
                        }
                        if (method.getName().equals("toString")) {
                            return "VendorCallbackBridge";
                        }
                        if (method.getName().equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        }
                        if (method.getName().equals("equals")) {
                            return proxy == args[0];
                        }
                        return null;
                    });
        }
        byte[] bytes = classBytes(callbackType.getName().replace('.', '/'), methodName);
        BridgeLoader loader = new BridgeLoader(callbackType.getClassLoader());
        Class<?> bridge = loader.define(BRIDGE.replace('/', '.'), bytes);
        Constructor<?> c = bridge.getConstructor(Consumer.class);
        return c.newInstance(sink);
    }

    private static final class BridgeLoader extends ClassLoader {
        BridgeLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] b) {
            return defineClass(name, b, 0, b.length);
        }
    }

    /**
     * {@code public final class ReceiveBridge extends <superName> { private final Consumer sink;
     * public ReceiveBridge(Consumer s) { super(); sink = s; } public void <method>(String m) { sink.accept(m); } }}
     */
    static byte[] classBytes(String superName, String methodName) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(52); // Java 8 format: straight-line code needs no StackMapTable
            out.writeShort(23); // constant pool count (entries 1..22)
            utf8(out, BRIDGE);                                   // 1
            classRef(out, 1);                                    // 2
            utf8(out, superName);                                // 3
            classRef(out, 3);                                    // 4
            utf8(out, "sink");                                   // 5
            utf8(out, "Ljava/util/function/Consumer;");          // 6
            utf8(out, "<init>");                                 // 7
            utf8(out, "(Ljava/util/function/Consumer;)V");       // 8
            utf8(out, "()V");                                    // 9
            utf8(out, "Code");                                   // 10
            nameAndType(out, 7, 9);                              // 11
            ref(out, 10, 4, 11);                                 // 12 Methodref super.<init>()V
            nameAndType(out, 5, 6);                              // 13
            ref(out, 9, 2, 13);                                  // 14 Fieldref this.sink
            utf8(out, methodName);                               // 15
            utf8(out, "(Ljava/lang/String;)V");                  // 16
            utf8(out, "java/util/function/Consumer");            // 17
            classRef(out, 17);                                   // 18
            utf8(out, "accept");                                 // 19
            utf8(out, "(Ljava/lang/Object;)V");                  // 20
            nameAndType(out, 19, 20);                            // 21
            ref(out, 11, 18, 21);                                // 22 InterfaceMethodref Consumer.accept
            out.writeShort(0x0031); // public final super
            out.writeShort(2);
            out.writeShort(4);
            out.writeShort(0); // interfaces
            out.writeShort(1); // fields
            out.writeShort(0x0012);
            out.writeShort(5);
            out.writeShort(6);
            out.writeShort(0);
            out.writeShort(2); // methods
            method(out, 7, 8, new byte[] {0x2A, (byte) 0xB7, 0, 12, 0x2A, 0x2B, (byte) 0xB5, 0, 14, (byte) 0xB1});
            method(out, 15, 16, new byte[] {0x2A, (byte) 0xB4, 0, 14, 0x2B, (byte) 0xB9, 0, 22, 2, 0, (byte) 0xB1});
            out.writeShort(0); // class attributes
            out.flush();
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void method(DataOutputStream out, int name, int desc, byte[] code) throws IOException {
        out.writeShort(0x0001);
        out.writeShort(name);
        out.writeShort(desc);
        out.writeShort(1);
        out.writeShort(10); // "Code"
        out.writeInt(12 + code.length);
        out.writeShort(2); // max stack
        out.writeShort(2); // max locals
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // attributes
    }

    private static void utf8(DataOutputStream out, String s) throws IOException {
        out.writeByte(1);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static void classRef(DataOutputStream out, int nameIndex) throws IOException {
        out.writeByte(7);
        out.writeShort(nameIndex);
    }

    private static void nameAndType(DataOutputStream out, int name, int type) throws IOException {
        out.writeByte(12);
        out.writeShort(name);
        out.writeShort(type);
    }

    private static void ref(DataOutputStream out, int tag, int classIndex, int natIndex) throws IOException {
        out.writeByte(tag);
        out.writeShort(classIndex);
        out.writeShort(natIndex);
    }
}
