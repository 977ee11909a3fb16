package org.newsroom.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() throws Exception {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.clientOf(ip("203.0.113.9"), List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() throws Exception {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(addresses.clientOf(ip("203.0.113.9"), List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyIsBelievedFromTheRight() throws Exception {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7"));
        // The client wrote 6.6.6.6 itself; the trusted proxy appended the address it saw.
        assertThat(addresses.clientOf(ip("10.1.2.3"), List.of("6.6.6.6, 198.51.100.4"))).isEqualTo("198.51.100.4");
        // Two trusted proxies in a row.
        assertThat(addresses.clientOf(ip("10.1.2.3"), List.of("198.51.100.4, 192.168.1.7"))).isEqualTo("198.51.100.4");
        // Several header lines count as one list.
        assertThat(addresses.clientOf(ip("10.1.2.3"), List.of("6.6.6.6", "198.51.100.5"))).isEqualTo("198.51.100.5");
    }

    @Test
    void garbageInTheChainStopsTheWalk() throws Exception {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(addresses.clientOf(ip("10.1.2.3"), List.of("198.51.100.4, evil.example"))).isEqualTo("10.1.2.3");
        assertThat(addresses.clientOf(ip("10.1.2.3"), List.of("198.51.100.4:5555"))).isEqualTo("198.51.100.4");
    }

    @Test
    void understandsIpv6Ranges() throws Exception {
        ClientAddresses addresses = new ClientAddresses(List.of("fd00::/8"));
        assertThat(addresses.isTrusted(ip("fd12::1"))).isTrue();
        assertThat(addresses.isTrusted(ip("2001:db8::1"))).isFalse();
        assertThat(addresses.isTrusted(ip("10.0.0.1"))).isFalse();
        assertThat(addresses.clientOf(ip("fd12::1"), List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void refusesConfigurationThatIsNotAnAddress() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
