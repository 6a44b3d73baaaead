package org.smarthall.store.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Read side of a customer; imports write the table with batched JDBC. */
@Entity
@Table(name = "sh_customer")
public class CustomerEntity {
    @Id
    private String account;
    private String kind;
    private String name;
    @Column(name = "id_hash")
    private String idHash;
    @Column(name = "id_masked")
    private String idMasked;
    @Column(name = "phone_hash")
    private String phoneHash;
    @Column(name = "phone_masked")
    private String phoneMasked;
    private String address;
    private String region;
    @Column(name = "supply_unit")
    private String supplyUnit;
    private String industry;
    @Column(name = "contract_kva")
    private Double contractKva;
    private LocalDate opened;
    private String sensitive;
    private String missing;
    @Column(name = "updated_at")
    private Instant updated;

    protected CustomerEntity() {
    }

    public String getAccount() {
        return account;
    }

    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getIdHash() {
        return idHash;
    }

    public String getIdMasked() {
        return idMasked;
    }

    public String getPhoneHash() {
        return phoneHash;
    }

    public String getPhoneMasked() {
        return phoneMasked;
    }

    public String getAddress() {
        return address;
    }

    public String getRegion() {
        return region;
    }

    public String getSupplyUnit() {
        return supplyUnit;
    }

    public String getIndustry() {
        return industry;
    }

    public Double getContractKva() {
        return contractKva;
    }

    public LocalDate getOpened() {
        return opened;
    }

    public String getSensitive() {
        return sensitive;
    }

    public String getMissing() {
        return missing;
    }

    public Instant getUpdated() {
        return updated;
    }
}
